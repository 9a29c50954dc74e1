//! Saving bytes as a file from the browser: a `Blob`, an object URL, a
//! temporary `<a download>` clicked once, and the URL revoked right after the
//! click (the browser has taken its own reference to the blob by then).
//!
//! Every browser call is checked; a failure comes back as a message for the
//! page to show, never a panic. Natively (tests, SSR) there is no browser and
//! [`save`] reports that.

/// Offers `bytes` for download as `file_name` with MIME type `mime`.
pub fn save(bytes: &[u8], mime: &str, file_name: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::save(bytes, mime, file_name)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (bytes, mime, file_name);
        Err("downloads need a browser".to_owned())
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    fn text(e: JsValue) -> String {
        crate::echarts::js_error_text(&e)
    }

    pub fn save(bytes: &[u8], mime: &str, file_name: &str) -> Result<(), String> {
        let window = web_sys::window().ok_or("no window")?;
        let document = window.document().ok_or("no document")?;
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .map_err(text)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(text)?;
        let result = (|| -> Result<(), String> {
            let a = document
                .create_element("a")
                .map_err(text)?
                .dyn_into::<web_sys::HtmlElement>()
                .map_err(|_| "not an element".to_owned())?;
            a.set_attribute("href", &url).map_err(text)?;
            a.set_attribute("download", file_name).map_err(text)?;
            a.set_attribute("hidden", "").map_err(text)?;
            let body = document.body().ok_or("no body")?;
            body.append_child(&a).map_err(text)?;
            a.click();
            a.remove();
            Ok(())
        })();
        // Revoked whatever happened: the click has already resolved the URL.
        let _ = web_sys::Url::revoke_object_url(&url);
        result
    }
}
