//! Views whose code is downloaded the first time they are shown.
//!
//! Built with the `split` feature (trunk turns it on in index.html), a function declared with
//! [`lazy_view!`] is a split point: its code, and whatever only it needs, is in a WebAssembly
//! chunk that is fetched on the first call, so the first visit downloads less. The chunks are
//! made by scripts/wasm-link.mjs (cargo's linker) and put into the build by
//! scripts/wasm-split-stage.mjs; the service worker precaches them. Without the feature (the
//! tests) the function is an ordinary one that always succeeds.

/// Declares `async fn $name(args) -> Result<AnyView, SplitLoaderError>` that renders `$body`.
/// With the `split` feature its code is in the chunk `$chunk` (functions naming the same chunk
/// share it); a failed download is an `Err`, and the next call tries again.
macro_rules! lazy_view {
    (
        $(#[$attr:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) in $chunk:ident $body:block
    ) => {
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        fn $name(
            $($arg: $ty),*
        ) -> Result<::leptos::prelude::AnyView, wasm_split_helpers::SplitLoaderError> {
            Ok(::leptos::prelude::IntoAny::into_any($body))
        }

        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        async fn $name(
            $($arg: $ty),*
        ) -> Result<::leptos::prelude::AnyView, wasm_split_helpers::SplitLoaderError> {
            Ok(::leptos::prelude::IntoAny::into_any($body))
        }
    };
}

pub(crate) use lazy_view;
