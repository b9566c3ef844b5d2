// 诊改平台: what every webapp shares (each app's scripts/config.js loads it as a custom script).

// The webapps sign in through the product's login page (/login), where one account works everywhere.
// Camunda's own login form (the webapps' route #/login) cannot sign anyone in here, so whenever a webapp would show
// it (after 退出, or when the session has ended) the browser goes to the product's login page instead.
let loggingOut = false;

document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('li.logout')) {
    loggingOut = true;
  }
}, true);

function leaveCamundaLogin() {
  if (/^#!?\/login\b/.test(window.location.hash)) {
    window.location.replace(loggingOut ? '/login?logout' : '/login');
  }
}

window.addEventListener('hashchange', leaveCamundaLogin);
leaveCamundaLogin();

// In 演练模式 (the training clock) every page shows a banner saying so; outside it the script is empty.
const simulationBanner = document.createElement('script');
simulationBanner.src = '/simulation-banner.js';
document.head.appendChild(simulationBanner);
