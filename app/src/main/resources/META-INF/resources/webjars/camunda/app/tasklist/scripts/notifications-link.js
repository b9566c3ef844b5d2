// 诊改平台: 消息通知 in Tasklist's header, with how many of the person's notifications are unread.
export default {
  id: 'zhengai.notifications-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 90,
  render: node => {
    const link = document.createElement('a');
    link.href = '/notifications';
    link.className = 'zhengai-notifications-link';
    link.textContent = '消息通知';
    link.title = '提醒、预警、升级和结果通知';
    node.appendChild(link);
    fetch('/api/notifications/unread-count', { headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(answer => {
        if (answer && answer.unread > 0) {
          link.textContent = `消息通知（${answer.unread} 未读）`;
        }
      });
  }
};
