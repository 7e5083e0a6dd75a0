import { describe, expect, it } from "vitest";
import { describeUserAgent, maskIpAddress } from "@/lib/auth/devices";
import { formatLastSeen } from "@/lib/format";

const UA = {
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  chromeIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  samsung:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  operaLinux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
  headless: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/141.0.0.0 Safari/537.36",
  firefoxIpad:
    "Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15",
  chromebook: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

describe("device from the user agent", () => {
  it("names the browser and the system", () => {
    expect(describeUserAgent(UA.chromeAndroid)).toBe("Chrome sur Android");
    expect(describeUserAgent(UA.safariIphone)).toBe("Safari sur iPhone");
    expect(describeUserAgent(UA.chromeIphone)).toBe("Chrome sur iPhone");
    expect(describeUserAgent(UA.firefoxWindows)).toBe("Firefox sur Windows");
    expect(describeUserAgent(UA.edgeWindows)).toBe("Edge sur Windows");
    expect(describeUserAgent(UA.safariMac)).toBe("Safari sur Mac");
    expect(describeUserAgent(UA.samsung)).toBe("Samsung Internet sur Android");
    expect(describeUserAgent(UA.operaLinux)).toBe("Opera sur Linux");
    expect(describeUserAgent(UA.headless)).toBe("Chrome sur Linux");
    expect(describeUserAgent(UA.firefoxIpad)).toBe("Firefox sur iPad");
    expect(describeUserAgent(UA.chromebook)).toBe("Chrome sur ChromeOS");
  });

  it("says what it knows of unusual or missing agents", () => {
    expect(describeUserAgent(null)).toBe("Appareil inconnu");
    expect(describeUserAgent("")).toBe("Appareil inconnu");
    expect(describeUserAgent("curl/8.5.0")).toBe("Appareil inconnu");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0) SomeBot/1.0")).toBe("Navigateur sur Windows");
    expect(describeUserAgent("x".repeat(100_000))).toBe("Appareil inconnu");
  });
});

describe("masked address", () => {
  it("hides the last part of an IPv4 or IPv6 address", () => {
    expect(maskIpAddress("203.0.113.42")).toBe("203.0.113.•");
    expect(maskIpAddress("::ffff:127.0.0.1")).toBe("127.0.0.•");
    expect(maskIpAddress("2001:db8:85a3::8a2e:370:7334")).toBe("2001:db8:85a3:…");
    expect(maskIpAddress(null)).toBeNull();
    expect(maskIpAddress("unknown")).toBeNull();
  });
});

describe("last activity", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  it("is relative for a day, then a Paris date and time", () => {
    expect(formatLastSeen(new Date(now.getTime() - 20_000), now)).toBe("à l'instant");
    expect(formatLastSeen(new Date(now.getTime() - 5 * 60_000), now)).toBe("il y a 5 min");
    expect(formatLastSeen(new Date(now.getTime() - 3 * 3600_000 - 60_000), now)).toBe("il y a 3 h");
    expect(formatLastSeen(new Date("2026-11-26T14:01:00Z"), now)).toBe("le 26-11-2026 à 15:01");
  });
});
