import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProductImage } from "./ProductImage";

const picture = {
  url: "/catalog/api/images/i1",
  width: 1200,
  height: 1200,
  srcset: [
    { url: "/catalog/api/images/i1?w=320", width: 320 },
    { url: "/catalog/api/images/i1", width: 1200 },
  ],
};

function loading(state: DocumentReadyState) {
  vi.spyOn(document, "readyState", "get").mockReturnValue(state);
}

afterEach(() => vi.restoreAllMocks());

describe("ProductImage", () => {
  it("asks for a picture further down only once the page has loaded", () => {
    loading("interactive");
    render(
      <>
        <ProductImage image={picture} alt="first" sizes="50vw" eager />
        <ProductImage image={picture} alt="second" sizes="50vw" />
      </>,
    );
    expect(screen.getByAltText("first").getAttribute("src")).toBe("/catalog/api/images/i1");
    expect(screen.getByAltText("first").getAttribute("fetchpriority")).toBe("high");
    const second = screen.getByAltText("second");
    expect(second.getAttribute("src")).toBeNull();
    expect(second.getAttribute("srcset")).toBeNull();
    // the box is reserved meanwhile: the page does not move when the file comes
    expect(second.getAttribute("width")).toBe("1200");

    loading("complete");
    act(() => {
      window.dispatchEvent(new Event("load"));
    });
    expect(second.getAttribute("src")).toBe("/catalog/api/images/i1");
    expect(second.getAttribute("srcset")).toContain("320w");
    expect(second.getAttribute("sizes")).toBe("50vw");
    expect(second.getAttribute("loading")).toBe("lazy");
  });

  it("shows pictures at once on a page that has loaded", () => {
    loading("complete");
    render(<ProductImage image={picture} alt="later" sizes="50vw" />);
    expect(screen.getByAltText("later").getAttribute("src")).toBe("/catalog/api/images/i1");
  });
});
