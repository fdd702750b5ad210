/** Adaptation strategies and reuse policies (filled by the adaptive-reuse issue). */
package adr.plugins.strategies;
