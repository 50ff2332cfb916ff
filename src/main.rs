//! Entry point: mounts the app, nothing else.

fn main() {
    // Panic messages in the console during development; release builds stay small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    river_guardians::mount();
}
