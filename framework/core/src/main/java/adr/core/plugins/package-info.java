/**
 * Finding plugins and wiring them into a run.
 *
 * <p>{@link adr.core.plugins.PluginLoader} finds {@link adr.spi.Plugin} providers with
 * {@link java.util.ServiceLoader} on the application class path and in a plugins
 * directory ({@code ./plugins} relative to the working directory unless told
 * otherwise), giving every jar there its own class loader that shares only
 * {@code adr.spi} and {@code org.nd4j} with the application. The result is an
 * immutable {@link adr.core.plugins.PluginRegistry}. Every problem found while
 * loading (a jar without a provider, a provider that fails, an incompatible SPI
 * version, two factories with one name) is collected and reported together in one
 * {@link adr.core.plugins.PluginException}, before training starts.
 *
 * <p>A run then resolves its chosen names and their configuration with
 * {@link adr.core.plugins.PluginSelection} (again reporting every problem at once) and
 * gets its own strict Guice injector from {@link adr.core.plugins.RunModule}:
 * <pre>{@code
 * PluginRegistry registry = new PluginLoader().loadDefault();   // can serve many runs
 * PluginChoices choices = PluginChoices.NONE.withClustering("lsh", Map.of("bits", 8));
 * Injector injector = RunModule.createInjector(registry, choices); // once per run
 * PluginSelection selection = injector.getInstance(PluginSelection.class);
 * }</pre>
 */
package adr.core.plugins;
