/* translate-flow review: renders "My work", a statement side by side, or the
 * offline review sheet from the JSON block #tflow-data, in the words the
 * server sent with it. */
import { useStrings } from "./dom.js";
import { Review, keyboard } from "./review.js";
import { serverBackend } from "./server.js";
import { renderSheet } from "./sheet.js";
import { renderWork } from "./work.js";

const data = JSON.parse(document.getElementById("tflow-data").textContent);
const root = document.getElementById("app");
const reviews = [];
useStrings(data.strings);

if (data.page === "work") {
  renderWork(root, data);
} else if (data.page === "statement") {
  const review = new Review(data.statement, serverBackend(data.me.csrf), data.me);
  reviews.push(review);
  root.textContent = "";
  const main = document.createElement("main");
  main.appendChild(review.render());
  root.appendChild(main);
  keyboard(reviews);
} else if (data.page === "sheet") {
  renderSheet(root, data, reviews);
  keyboard(reviews);
}
