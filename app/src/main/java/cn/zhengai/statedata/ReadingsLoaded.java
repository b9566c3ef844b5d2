package cn.zhengai.statedata;

/** Published after a source run has loaded readings and committed them, for the monitors that judge them. */
public record ReadingsLoaded(String sourceCode, long runId) {}
