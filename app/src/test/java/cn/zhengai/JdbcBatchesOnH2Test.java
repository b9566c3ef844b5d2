package cn.zhengai;

import cn.zhengai.support.AppTest;

@AppTest
class JdbcBatchesOnH2Test extends JdbcBatchesScenarios {

  @Override
  protected boolean copiesHere() {
    return false;
  }
}
