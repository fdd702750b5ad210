/** Event-sourced experiment tracking (filled by the tracking issue). */
package adr.tracking;
