<?php
/*
 * Stands in for Yoast SEO and Rank Math in the tests (decision 0032): on the server started with
 * POSTWRIGHT_SEO_FIELDS=1, registers their post meta keys for REST, as a site does that exposes them.
 */
if (getenv('POSTWRIGHT_SEO_FIELDS')) {
    add_action('init', function () {
        $keys = ['_yoast_wpseo_focuskw', '_yoast_wpseo_title', '_yoast_wpseo_metadesc',
            'rank_math_focus_keyword', 'rank_math_title', 'rank_math_description'];
        foreach ($keys as $key) {
            register_post_meta('post', $key, ['type' => 'string', 'single' => true, 'show_in_rest' => true,
                'auth_callback' => function () { return current_user_can('edit_posts'); }]);
        }
    });
}
