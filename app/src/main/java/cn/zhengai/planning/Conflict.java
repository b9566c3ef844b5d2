package cn.zhengai.planning;

/**
 * A row of an imported sheet that would overwrite a change made since the sheet was exported: its sheet row, the
 * stored row's id and key, and what happened, in Chinese. Such a row is never written.
 */
public record Conflict(int row, Long id, String key, String message) {}
