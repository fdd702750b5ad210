/** Mini-batch k-means clustering (filled by the deep-reuse issue). */
package adr.plugins.kmeans;
