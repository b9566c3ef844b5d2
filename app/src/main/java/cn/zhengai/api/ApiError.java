package cn.zhengai.api;

/** The body of every error the app's API returns: HTTP status and a message in Chinese. */
public record ApiError(int status, String message) {}
