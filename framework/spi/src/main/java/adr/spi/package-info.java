/**
 * The ADR plugin contract: what a third-party jar implements to add clustering
 * algorithms, reuse policies, adaptation strategies or event sinks. Depends only on
 * the JDK. Start at {@link adr.spi.Plugin}.
 */
package adr.spi;
