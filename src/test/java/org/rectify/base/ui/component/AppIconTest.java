package org.rectify.base.ui.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Menu;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The portal's icon set holds exactly the icons the code names, and Vaadin's full set stays out of the bundle. */
class AppIconTest {

    private static final Path ICON_SET = Path.of("frontend/components/rectify-icons.js");

    @Test
    void theIconSetDrawsEveryIconTheCodeNamesAndNoOther() throws IOException {
        Matcher ids = Pattern.compile("<g id=\"rectify:([a-z0-9-]+)\">").matcher(Files.readString(ICON_SET));
        List<String> drawn = ids.results().map(m -> m.group(1)).toList();
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(AppIcon.values()).map(AppIcon::id).toList());
        assertThat(AppIcon.CLOSE_SMALL.create().getIcon()).isEqualTo("rectify:close-small");
    }

    @Test
    void menuEntriesNameIconsOfTheSet() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        List<String> menuIcons = new ArrayList<>();
        for (BeanDefinition view : scan.findCandidateComponents("org.rectify")) {
            menuIcons.add(Class.forName(view.getBeanClassName()).getAnnotation(Menu.class).icon());
        }
        List<String> known = Arrays.stream(AppIcon.values()).map(AppIcon::qualifiedName).toList();
        assertThat(menuIcons).hasSizeGreaterThan(10).allSatisfy(icon -> assertThat(known).contains(icon));
    }

    /** One use of Vaadin's Icon or VaadinIcon would put its 636-icon set back into every first visit. */
    @Test
    void noClassUsesVaadinsFullIconSet() throws IOException, URISyntaxException {
        Path classes = Path.of(AppIcon.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Pattern vaadinIcons = Pattern.compile("com/vaadin/flow/component/icon/(Vaadin)?Icon\\b");
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> users = files.filter(f -> f.toString().endsWith(".class")).filter(f -> {
                try {
                    return vaadinIcons.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> classes.relativize(f).toString()).toList();
            assertThat(classes.resolve("org/rectify/base/ui/MainLayout.class")).exists();
            assertThat(users).isEmpty();
        }
    }
}
