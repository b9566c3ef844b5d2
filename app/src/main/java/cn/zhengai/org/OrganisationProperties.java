package cn.zhengai.org;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the organisation comes from.
 *
 * @param structure the college's units and roles (every profile)
 * @param demoPeople fictional people, majors and courses (default profile only; blank elsewhere)
 */
@ConfigurationProperties("zhengai.organisation")
record OrganisationProperties(String structure, String demoPeople) {}
