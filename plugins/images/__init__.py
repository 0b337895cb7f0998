"""Post images: responsive variants, WebP, srcset and sizes, metadata stripped, alt text checked."""
