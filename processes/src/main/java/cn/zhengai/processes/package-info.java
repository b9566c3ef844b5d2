/** Process-API classes: one per BPMN model, naming its key, element ids and variables. */
package cn.zhengai.processes;
