package cn.zhengai.major;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rotationFirstYear the first year of the first three-year period of the 考核性诊断 rotation
 * @param externalExpertsMin experts from outside the college an assessment panel needs at least
 * @param expertReviewDays days the experts have for their scores after the site visit
 */
@ConfigurationProperties("zhengai.majors")
public record MajorSettings(int rotationFirstYear, int externalExpertsMin, int expertReviewDays) {}
