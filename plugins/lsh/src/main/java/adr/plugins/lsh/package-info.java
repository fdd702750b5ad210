/**
 * Locality-sensitive hashing clustering for adaptive deep reuse: random projections
 * hashed by sign or quantized (E2LSH style), equal codes forming a cluster. Public
 * surface: {@link adr.plugins.lsh.LshPlugin}; everything else is package-private.
 */
package adr.plugins.lsh;
