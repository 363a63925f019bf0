/// The site's one stylesheet, `style.css` beside this file: it styles the
/// notes' HTML and the class names the SVG plots and report tables use. It is
/// compiled into the binary (SwiftPM's `embedInCode`), so the static
/// executable needs no resource bundle beside it.
package enum HTMLStyle {
    /// The text of `style.css`, to write as the site's `style.css`.
    package static let css = String(decoding: PackageResources.style_css, as: UTF8.self)
}
