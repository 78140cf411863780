/**
 * The appliance configuration: typed records bound strictly from one YAML file by {@link
 * io.loupe.appliance.config.ConfigBinder} (unknown keys are errors naming the nearest valid key; defaults come from each
 * record's {@code defaults()}), then checked across sections by {@link io.loupe.appliance.config.ConfigValidator}. Every
 * problem is reported at once as a {@link io.loupe.appliance.config.ConfigProblem} with its path, value and reason.
 */
package io.loupe.appliance.config;
