package io.loupe.appliance.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the YAML file and binds it to {@link ApplianceConfig}, strictly. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @throws ConfigException listing every problem: a missing or unreadable file, YAML syntax, unknown keys, wrong types
     */
    public static ApplianceConfig load(Path file) throws ConfigException {
        Path abs = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(abs);
        } catch (NoSuchFileException e) {
            throw new ConfigException(abs, List.of(new ConfigProblem("(file)", abs.toString(),
                    "configuration file not found: pass --config PATH, or run from the folder that holds config/appliance.yml")));
        } catch (MalformedInputException e) {
            throw new ConfigException(abs, List.of(new ConfigProblem("(file)", abs.toString(),
                    "the configuration file is not UTF-8 text: save it as UTF-8 (YAML)")));
        } catch (IOException e) {
            throw new ConfigException(abs, List.of(new ConfigProblem("(file)", abs.toString(),
                    "cannot read the configuration file: " + e.getMessage())));
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new ConfigException(abs, List.of(new ConfigProblem("(yaml)", null,
                    "not valid YAML" + where + ": " + e.getProblem())));
        } catch (YAMLException e) {
            throw new ConfigException(abs, List.of(new ConfigProblem("(yaml)", null, "not valid YAML: " + e.getMessage())));
        }
        if (root == null) {
            root = Map.of();
        }
        List<ConfigProblem> problems = new ArrayList<>();
        ApplianceConfig config = new ConfigBinder(abs.getParent(), problems).bind(root, ApplianceConfig.class, "");
        if (!problems.isEmpty()) {
            throw new ConfigException(abs, problems);
        }
        return config;
    }
}
