// A page's link to 消息通知 (#notifications-link) shows how many of the person's notifications are unread.
(async () => {
  const link = document.getElementById('notifications-link');
  const response = await fetch('/api/notifications/unread-count', { headers: { Accept: 'application/json' } });
  if (link && response.ok) {
    const { unread } = await response.json();
    link.textContent = unread > 0 ? `消息通知（${unread} 未读）` : '消息通知';
  }
})();
