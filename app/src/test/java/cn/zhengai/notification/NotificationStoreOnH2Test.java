package cn.zhengai.notification;

import cn.zhengai.support.AppTest;

@AppTest
class NotificationStoreOnH2Test extends NotificationStoreScenarios {}
