package cn.zhengai.integration.excel;

/** What a column holds, and so how its cells are read and checked. */
public enum ColumnKind {
  /** Free text. */
  TEXT,
  /** One of the column's allowed values. */
  CHOICE,
  /** A calendar date, read from a date cell or typed as 2027-02-26, 2027/2/26, 2027.2.26 or 2027年2月26日. */
  DATE,
  /** A number. */
  NUMBER
}
