import { Link } from "react-router";
import { PageTitle } from "../components/ui";
import { paths } from "../paths";

export default function NotFoundPage({ what = "page" }: { what?: string }) {
  return (
    <section className="not-found">
      <PageTitle title="Not found" />
      <h1>We cannot find that {what}</h1>
      <p>It may have moved or no longer be sold.</p>
      <p>
        <Link to={paths.home} className="button">
          Go to the shop
        </Link>{" "}
        <Link to={paths.search()} className="button">
          Browse all products
        </Link>
      </p>
    </section>
  );
}
