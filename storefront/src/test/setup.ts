import { afterEach } from "vitest";

// pure logic runs in Node (fast); components and storage in jsdom
if (typeof document !== "undefined") {
  const { cleanup } = await import("@testing-library/react");
  afterEach(() => {
    cleanup();
    localStorage.clear();
    sessionStorage.clear();
  });
}
