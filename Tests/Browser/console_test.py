"""The review console in a real browser: Debian's headless Chromium driven by Selenium.

scripts/console-browser-test starts the service and runs this file; it passes the service's
address and two keys in the environment: CONSOLE_URL, CONSOLE_KEY (every scope) and
CONSOLE_APPROVER_KEY (a second reviewer, for four-eyes decisions). Screenshots go to
CONSOLE_SCREENSHOTS.
"""

import base64
import json
import os
import pathlib
import time
import unittest
import urllib.request
import uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ["CONSOLE_URL"]
KEY = os.environ["CONSOLE_KEY"]
APPROVER_KEY = os.environ["CONSOLE_APPROVER_KEY"]
SHOTS = pathlib.Path(os.environ["CONSOLE_SCREENSHOTS"])

PASSPORT = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
LIVENESS = b"%PDF-1.4\n% liveness report\n%%EOF\n"


def api(method, path, body=None, key=KEY, content_type="application/json"):
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + key)
    if data is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def upload(customer, document_type, content, **fields):
    boundary = uuid.uuid4().hex
    parts = dict(targetId=customer, target="customer", documentType=document_type, **fields)
    body = b""
    for name, value in parts.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{document_type}.pdf"\r\n'
             "Content-Type: application/pdf\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return api("POST", "/v2/document", body, content_type=f"multipart/form-data; boundary={boundary}")["id"]


def walkthrough_customer():
    """The README walkthrough's customer, up to the uploads: created, both documents pending."""
    email = f"jane.smith+{uuid.uuid4().hex[:8]}@example.com"
    customer = api("POST", "/v2/customer", {
        "type": "individual", "email": email, "phone": "+14155550123",
        "address": {"line1": "233 S Wacker Dr", "city": "Chicago", "state": "IL", "postalCode": "60606", "country": "USA"},
        "personalInformation": {"firstName": "Jane", "lastName": "Smith", "dateOfBirth": "1990-04-12",
                                "taxIdentificationNumber": "123-45-6789", "taxIdentificationNumberType": "ssn",
                                "taxIdentificationNumberCountry": "USA"}})["id"]
    passport = upload(customer, "passport", PASSPORT, country="USA")
    liveness = upload(customer, "liveness_report", LIVENESS)
    return customer, email, passport, liveness


# Every visible text element against its effective background: WCAG's contrast ratio.
CONTRAST_SCRIPT = """
function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
function luminance(rgb) { return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]); }
function parse(color) { const m = color.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; }
function background(element) {
  for (let e = element; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c[3] > 0.5) return c;
  }
  return [255, 255, 255, 1];
}
const failures = [];
for (const element of document.querySelectorAll('body *')) {
  if (!element.offsetParent && element.tagName !== 'BODY') continue;
  const own = Array.from(element.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const fg = luminance(parse(getComputedStyle(element).color)), bg = luminance(background(element));
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  if (ratio < 4.5) failures.push(element.tagName + '.' + element.className + ' "' + element.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2));
}
return failures;
"""

# Inputs a person can reach without a label: none may be.
UNLABELLED_SCRIPT = """
return Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(e => e.type !== 'hidden')
  .filter(e => !(e.id && document.querySelector('label[for="' + e.id + '"]')) && !e.getAttribute('aria-label'))
  .map(e => e.outerHTML);
"""


def load_after(browser, action):
    """Runs `action` (a click, a key) and waits until the page it leaves is gone.

    Waiting only for an element would race: the page being left often has it too (a notice,
    the customer), and a read from that page goes stale once the new one arrives.
    """
    page = browser.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(page))


def chromium(javascript=True):
    """Debian's Chromium, headless, through Debian's driver: nothing for Selenium to fetch."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    browser.implicitly_wait(0)
    return browser


class ConsoleInTheBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        SHOTS.mkdir(parents=True, exist_ok=True)
        cls.customer, cls.email, cls.passport, cls.liveness = walkthrough_customer()
        cls.browser = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    def setUp(self):
        # Each test starts signed out, whatever the one before left behind.
        self.browser.get(BASE + "/console/sign-in")
        self.browser.delete_all_cookies()

    def find(self, css):
        return self.browser.find_element(By.CSS_SELECTOR, css)

    def follow(self, css):
        load_after(self.browser, self.wait_for(css).click)

    def texts(self, css):
        return [element.text for element in self.browser.find_elements(By.CSS_SELECTOR, css)]

    def wait_for(self, css):
        return WebDriverWait(self.browser, 10).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))

    def criteria(self, subject, list_name):
        return self.texts(f"#profile-{subject} .list[data-list={list_name}] li")

    def shoot(self, name, element_css=None):
        """A screenshot of one element, or of the whole page (the window grown to its height)."""
        path = SHOTS / f"{name}.png"
        if element_css:
            # Through the DevTools protocol: an element taller than the window is taken whole.
            rect = self.browser.execute_script(
                "const r = arguments[0].getBoundingClientRect();"
                "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}", self.find(element_css))
            shot = self.browser.execute_cdp_cmd("Page.captureScreenshot", {
                "captureBeyondViewport": True, "clip": dict(rect, scale=1)})
            path.write_bytes(base64.b64decode(shot["data"]))
        else:
            size = self.browser.get_window_size()
            height = self.browser.execute_script("return document.documentElement.scrollHeight")
            self.browser.set_window_size(size["width"], min(height + 140, 6000))
            self.browser.save_screenshot(str(path))
            self.browser.set_window_size(size["width"], size["height"])
        self.assertGreater(path.stat().st_size, 5000, f"{path} is nearly empty")

    def check_page(self, name):
        """What every page owes a person: a label on each input, text at 4.5:1 or better."""
        self.assertEqual(self.browser.execute_script(UNLABELLED_SCRIPT), [], f"{name}: inputs without a label")
        self.assertEqual(self.browser.execute_script(CONTRAST_SCRIPT), [], f"{name}: text below 4.5:1")

    def sign_in(self, key):
        self.browser.get(BASE + "/console/")
        self.wait_for("#api-key")
        self.assertTrue(self.browser.current_url.endswith("/console/sign-in"), self.browser.current_url)
        self.check_page("sign-in")
        self.find("#api-key").send_keys(key)
        self.follow("#sign-in")
        self.wait_for("#signed-in-as")

    def sign_out(self):
        self.follow("#sign-out")
        self.wait_for("#api-key")

    def test_a_review_from_search_to_sign_out(self):
        browser = self.browser
        # No session: the console sends the browser to sign in.
        self.sign_in(KEY)
        self.assertEqual(self.find("#signed-in-as").text, "console")

        # Search by the walkthrough's email.
        self.find("#search").send_keys(self.email)
        self.follow("#search-button")
        self.wait_for("#results")
        self.assertEqual(self.texts("#results tbody td:first-child"), ["Jane Smith"])
        self.assertIn("pending", self.find("#results tbody").text)
        self.check_page("search")
        self.shoot("search")

        # The customer: fields without the tax number, the board as the uploads left it.
        self.follow("#results tbody a")
        self.wait_for("#customer")
        page = browser.page_source
        self.assertNotIn("123-45-6789", page)
        self.assertIn("jane.smith+", self.find("#customer-fields").text)
        self.assertEqual(self.criteria(self.customer, "pending"), ["identity_document", "liveness_report_document"])
        self.assertEqual(self.criteria(self.customer, "required"), [])
        self.assertIn("email_address", self.criteria(self.customer, "complete"))
        self.check_page("customer")
        self.assertTrue(self.find(f"#chart-{self.customer}").is_displayed())
        self.shoot("customer", "#customer")

        # The timeline, in order, the status change marked, with the replay's diff.
        versions = [int(e.get_attribute("data-version")) for e in browser.find_elements(By.CSS_SELECTOR, "ol.timeline li.event")]
        self.assertEqual(versions, [1, 2, 3, 4])
        self.assertEqual(self.texts("ol.timeline .type"),
                         ["IndividualCustomerCreated", "DocumentUploaded", "DocumentUploaded", "VerificationProfileStatusChanged"])
        flagged = [e.get_attribute("data-version") for e in browser.find_elements(By.CSS_SELECTOR, "ol.timeline li.status-change")]
        self.assertEqual(flagged, ["1", "4"])
        self.assertIn("kyc_profile_a: status incomplete → pending", self.find("#event-4").text)
        self.assertIn("kyc_profile_a: identity_document required → pending", self.find("#event-2").text)
        self.assertIn('/address/city: added "Chicago"', self.find("#event-1").text)
        self.shoot("timeline", "#timeline")

        # Step to version 1: the profile as created.
        self.find("#version").clear()
        self.find("#version").send_keys("1")
        self.follow("#show-version")
        self.wait_for("#as-of")
        self.assertEqual(self.find("#customer").get_attribute("data-version"), "1")
        self.assertEqual(self.criteria(self.customer, "required"), ["identity_document", "liveness_report_document"])
        self.assertEqual(self.criteria(self.customer, "pending"), [])
        self.assertIn("incomplete", self.find(f"#profile-{self.customer} h3").text)
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, "form.review, form.decision"), [], "no actions on the past")
        self.check_page("time travel")
        self.shoot("time-travel")

        # Script's shortcuts: `]` steps to the next version, `[` back.
        load_after(browser, lambda: self.find("body").send_keys("]"))
        self.assertEqual(self.wait_for("#customer").get_attribute("data-version"), "2")
        self.assertIn("identity_document", self.criteria(self.customer, "pending"))
        load_after(browser, lambda: self.find("body").send_keys("["))
        self.assertEqual(self.wait_for("#customer").get_attribute("data-version"), "1")

        # Back to the latest; accept the passport, by keyboard: its criterion moves to complete.
        self.follow("#as-of a")
        self.wait_for(f"#accept-{self.passport}")
        self.assertTrue(self.tab_to(f"accept-{self.passport}"), "the accept button is not reachable by keyboard")
        load_after(browser, lambda: browser.switch_to.active_element.send_keys(Keys.ENTER))
        self.wait_for("#notice")
        self.assertIn("accepted", self.find("#notice").text)
        self.assertEqual(self.criteria(self.customer, "complete")[-1:], ["identity_document"])
        self.assertEqual(self.criteria(self.customer, "pending"), ["liveness_report_document"])
        self.assertEqual(self.find(f"#document-{self.passport}").get_attribute("data-status"), "accepted")
        self.assertIn("console", self.find(f"#document-{self.passport}").text)
        self.shoot("chart", f"#profile-{self.customer} figure.chart")

        # A refusal is the problem's text: the profile still has a pending criterion.
        self.follow(f"#approve-{self.customer}")
        self.wait_for("#notice.problem")
        self.assertIn("(", self.find("#notice").text)
        self.check_page("refusal")
        self.assertIn("pending", self.find(f"#profile-{self.customer} h3").text)

        # Rejecting a document needs its reason, shown with a pointer to the field.
        self.follow(f"#reject-{self.liveness}")
        self.wait_for("#notice.problem")
        self.assertIn("/detail", self.find("#notice").text)

        # 200% zoom: the page reflows in half the width, with no sideways scrolling.
        browser.set_window_size(640, 1000)
        browser.get(BASE + f"/console/customers/{self.customer}")
        self.wait_for("#customer")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        self.assertLessEqual(overflow, 0)
        self.shoot("customer-narrow")
        browser.set_window_size(1280, 1000)

        # Sign out: the session is gone, the console asks for a key again.
        self.sign_out()
        browser.get(BASE + f"/console/customers/{self.customer}")
        self.wait_for("#api-key")
        self.assertTrue(browser.current_url.endswith("/console/sign-in"))

    def test_four_eyes_refusal_then_the_other_key_approves(self):
        customer, _, passport, liveness = walkthrough_customer()
        self.sign_in(KEY)
        self.browser.get(BASE + f"/console/customers/{customer}")
        for document in (passport, liveness):
            self.follow(f"#accept-{document}")
            self.wait_for("#notice")
        self.follow(f"#approve-{customer}")
        self.wait_for("#notice.problem")
        self.assertIn("review/four-eyes", self.find("#notice").text)
        self.sign_out()

        self.sign_in(APPROVER_KEY)
        self.browser.get(BASE + f"/console/customers/{customer}")
        self.follow(f"#approve-{customer}")
        self.wait_for("#notice.success")
        self.assertIn("approved", self.find(f"#profile-{customer} h3").text)
        self.assertIn("decided by approver", self.find(f"#profile-{customer} details.explanation").text)
        self.sign_out()

    def tab_to(self, element_id, limit=200):
        body = self.find("body")
        body.send_keys(Keys.TAB)
        for _ in range(limit):
            if self.browser.switch_to.active_element.get_attribute("id") == element_id:
                return True
            self.browser.switch_to.active_element.send_keys(Keys.TAB)
        return False


class ConsoleWithoutJavaScript(unittest.TestCase):
    """Every read view works with script off: the forms submit, the links step."""

    @classmethod
    def setUpClass(cls):
        cls.customer, cls.email, _, _ = walkthrough_customer()
        cls.browser = chromium(javascript=False)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    def find(self, css):
        return self.browser.find_element(By.CSS_SELECTOR, css)

    def follow(self, css):
        load_after(self.browser, self.wait_for(css).click)

    def wait_for(self, css):
        return WebDriverWait(self.browser, 10).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))

    def test_search_customer_timeline_and_time_travel(self):
        browser = self.browser
        browser.get(BASE + "/console/")
        self.wait_for("#api-key").send_keys(KEY)
        self.follow("#sign-in")
        self.wait_for("#search").send_keys(self.email)
        self.follow("#search-button")
        self.follow("#results tbody a")
        self.wait_for("#timeline")
        self.assertEqual(len(browser.find_elements(By.CSS_SELECTOR, "ol.timeline li.event")), 4)
        self.assertTrue(self.find("details.explanation").is_displayed())

        self.find("#version").clear()
        self.find("#version").send_keys("1")
        self.follow("#show-version")
        self.wait_for("#as-of")
        self.assertEqual(self.find("#customer").get_attribute("data-version"), "1")
        # Script is off: `]` does nothing; the link it would follow does the same.
        self.find("body").send_keys("]")
        time.sleep(0.5)
        self.assertEqual(self.find("#customer").get_attribute("data-version"), "1", "script ran")
        self.follow("#next-version")
        self.wait_for("#as-of")
        self.assertEqual(self.find("#customer").get_attribute("data-version"), "2")
        self.follow("#event-4 a")
        self.wait_for("#customer")
        self.assertEqual(self.find("#customer").get_attribute("data-version"), "4")
        self.follow("#sign-out")
        self.wait_for("#api-key")


if __name__ == "__main__":
    unittest.main(verbosity=2)
