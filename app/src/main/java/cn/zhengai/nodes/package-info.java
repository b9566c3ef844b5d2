/**
 * Several app nodes on one database: what keeps work that every node starts (on start, on a schedule) from running
 * twice at the same time.
 */
package cn.zhengai.nodes;
