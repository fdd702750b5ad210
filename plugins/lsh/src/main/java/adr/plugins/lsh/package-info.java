/** Random-hyperplane LSH clustering (filled by the deep-reuse issue). */
package adr.plugins.lsh;
