/** Entry point of the page: defines the elements; `index.html` holds `<parallax-app>`. */
import './parallax-app.ts'
