package cn.zhengai.notification;

/** The ways a message leaves the app. */
enum Channel {
  EMAIL("电子邮件"),
  WECOM("企业微信群机器人"),
  DINGTALK("钉钉群机器人");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  boolean isRobot() {
    return this != EMAIL;
  }
}
