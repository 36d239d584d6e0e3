package io.werkbridge.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console's chart library from its WebJar under {@code /console/lib/uplot/}, so it sits behind the
 * console's sign-in like the page and the page needs no version in its URLs (read from the WebJar's own pom.properties).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLibraries implements WebMvcConfigurer {

    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/lib/uplot/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/uplot/" + version() + "/dist/");
    }

    static String version() {
        try (InputStream in = ConsoleLibraries.class.getClassLoader().getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is missing from the classpath (" + UPLOT_POM + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
        }
    }
}
