// 诊改平台: Camunda Forms in Chinese. Tasklist 7.24 renders Camunda Forms with form-js (`new Form({ container })`),
// which has no language option: its validation messages are English, its date picker (flatpickr) English, and its
// date format follows the browser's region (12/31/2027 in an English browser). This script, loaded through
// config.js `customScripts`, watches the forms Tasklist renders and, in place:
// - translates each form-js validation message,
// - switches each date picker to Chinese month and weekday names, weeks starting on Monday, and yyyy-MM-dd.
// The value a form submits is unchanged (form-js always submits dates as yyyy-MM-dd).

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (min) => `不能小于 ${min}。`],
  [/^Field must have maximum value of (.+)\.$/, (max) => `不能大于 ${max}。`],
  [/^Field must have minimum length of (.+)\.$/, (length) => `至少填写 ${length} 个字。`],
  [/^Field must have maximum length of (.+)\.$/, (length) => `最多填写 ${length} 个字。`],
  [/^Field must match pattern .+\.$/, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid {1,2}international phone number\..*$/, () => '请填写有效的国际电话号码，如 +8610xxxxxxxx。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (digits) => `最多 ${digits} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (lower, upper) => `数值无效，最接近的有效值为 ${lower} 和 ${upper}。`],
  [/^Date and time must both be entered\.$/, () => '请同时填写日期和时间。']
];

const MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

/** A flatpickr locale; what it leaves out comes from flatpickr's default. */
const CHINESE = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: { shorthand: MONTHS, longhand: MONTHS },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};

const DATE_FORMAT = 'Y-m-d';
const DATE_PLACEHOLDER = 'yyyy-mm-dd';

/** Changes the text node itself: form-js (Preact) keeps a reference to it and updates it when the message changes. */
function translateMessages(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    item.childNodes.forEach((node) => {
      if (node.nodeType !== Node.TEXT_NODE) {
        return;
      }
      for (const [english, chinese] of MESSAGES) {
        const match = english.exec(node.data);
        if (match) {
          node.data = chinese(...match.slice(1));
          return;
        }
      }
    });
  });
}

/** flatpickr keeps its instance on the input as `_flatpickr`; form-js creates it once per field. */
function localiseDatePickers(root) {
  root.querySelectorAll('.fjs-datepicker input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && picker.config.locale !== CHINESE) {
      picker.set({ locale: CHINESE, dateFormat: DATE_FORMAT });
    }
    if (input.placeholder !== DATE_PLACEHOLDER) {
      input.placeholder = DATE_PLACEHOLDER;
    }
  });
}

// Our own changes trigger the observer again; both steps leave translated fields alone, so it settles at once.
new MutationObserver(() => {
  translateMessages(document);
  localiseDatePickers(document);
}).observe(document.body, { childList: true, subtree: true, characterData: true });
