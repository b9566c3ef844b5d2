package cn.zhengai.org;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether demo accounts may exist (default profile only)
 * @param password the documented demo password; no account may keep it where demo is disabled
 */
@ConfigurationProperties("zhengai.demo")
public record DemoProperties(boolean enabled, String password) {}
