/**
 * Tasklist's shared filters: their definitions ({@link cn.zhengai.tasklist.TasklistFilter}), their creation, and their
 * pages and counts answered with queries that grow with the caller's own tasks, not with the college's.
 */
package cn.zhengai.tasklist;
