/**
 * What every human task of every process shares: the unit and year on its Tasklist card, and the refusal of form
 * values the process cannot accept, answered as HTTP 400 with the reasons in Chinese.
 */
package cn.zhengai.tasks;
