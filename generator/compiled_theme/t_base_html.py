from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_language = resolve('language')
    l_0_title = resolve('title')
    l_0_settings = resolve('settings')
    l_0_description = resolve('description')
    l_0_urls = resolve('urls')
    l_0_feeds = resolve('feeds')
    l_0_prev_url = resolve('prev_url')
    l_0_next_url = resolve('next_url')
    l_0_lang_attrs = resolve('lang_attrs')
    l_0_site_language = resolve('site_language')
    l_0_search = resolve('search')
    l_0_main_feed = resolve('main_feed')
    l_0_digest_feed = resolve('digest_feed')
    l_0_site_words = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_2 = environment.filters['text_direction']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'text_direction' found.")
    try:
        t_3 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='language') if l_0_language is missing else l_0_language))
    yield '"'
    if (t_2((undefined(name='language') if l_0_language is missing else l_0_language)) == 'rtl'):
        pass
        yield ' dir="rtl"'
    yield '>\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    if ((undefined(name='title') if l_0_title is missing else l_0_title) != environment.getattr((undefined(name='settings') if l_0_settings is missing else l_0_settings), 'title')):
        pass
        yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
        yield ' · '
    yield escape(environment.getattr((undefined(name='settings') if l_0_settings is missing else l_0_settings), 'title'))
    yield '</title>\n<meta name="description" content="'
    yield escape((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '">\n<meta name="robots" content="'
    yield from context.blocks['robots'][0](context)
    yield '">\n'
    yield from context.blocks['canonical'][0](context)
    yield '<meta name="color-scheme" content="light dark">\n<meta name="theme-color" content="#fbf9f4" media="(prefers-color-scheme: light)">\n<meta name="theme-color" content="#141517" media="(prefers-color-scheme: dark)">\n<link rel="stylesheet" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'static'), 'style.css'))
    yield '">\n<link rel="icon" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'static'), 'favicon.svg'))
    yield '" type="image/svg+xml">\n'
    for l_1_feed in (undefined(name='feeds') if l_0_feeds is missing else l_0_feeds):
        _loop_vars = {}
        pass
        yield '<link rel="alternate" type="'
        yield escape(environment.getattr(l_1_feed, 'type'))
        yield '" title="'
        yield escape(environment.getattr(l_1_feed, 'title'))
        yield '" href="'
        yield escape(environment.getattr(l_1_feed, 'href'))
        yield '">\n'
    l_1_feed = missing
    yield from context.blocks['meta'][0](context)
    if (t_3((undefined(name='prev_url') if l_0_prev_url is missing else l_0_prev_url)) and (undefined(name='prev_url') if l_0_prev_url is missing else l_0_prev_url)):
        pass
        yield '<link rel="prev" href="'
        yield escape((undefined(name='prev_url') if l_0_prev_url is missing else l_0_prev_url))
        yield '">\n'
    if (t_3((undefined(name='next_url') if l_0_next_url is missing else l_0_next_url)) and (undefined(name='next_url') if l_0_next_url is missing else l_0_next_url)):
        pass
        yield '<link rel="next" href="'
        yield escape((undefined(name='next_url') if l_0_next_url is missing else l_0_next_url))
        yield '">\n'
    yield from context.blocks['head'][0](context)
    yield '</head>\n<body class="layout-'
    yield from context.blocks['layout'][0](context)
    yield '">\n<a class="skip-link" href="#'
    yield from context.blocks['skip_target'][0](context)
    yield '">Skip to content</a>\n<header class="masthead">\n  <div class="wrap masthead-inner">\n'
    l_0_site_words = context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='site_language') if l_0_site_language is missing else l_0_site_language))
    context.vars['site_words'] = l_0_site_words
    context.exported_vars.add('site_words')
    yield '    <a class="site-title" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'home')))
    yield '"'
    yield escape((undefined(name='site_words') if l_0_site_words is missing else l_0_site_words))
    yield '>'
    yield escape(environment.getattr((undefined(name='settings') if l_0_settings is missing else l_0_settings), 'title'))
    yield '</a>\n    <p class="tagline"'
    yield escape((undefined(name='site_words') if l_0_site_words is missing else l_0_site_words))
    yield '>'
    yield escape(environment.getattr((undefined(name='settings') if l_0_settings is missing else l_0_settings), 'description'))
    yield '</p>\n  </div>\n  <nav class="site-nav" aria-label="Sections">\n    <ul class="wrap">\n'
    for (l_1_label, l_1_href) in ([(Markup('Digest'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'home'))), (Markup('Topics'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tags'))), (Markup('Countries'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'countries'))), (Markup('Archive'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'archive')))] + ([(Markup('Search'), context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'search')))] if (undefined(name='search') if l_0_search is missing else l_0_search) else [])):
        l_1_page_path = resolve('page_path')
        _loop_vars = {}
        pass
        yield '      <li><a href="'
        yield escape(l_1_href)
        yield '"'
        if ((undefined(name='page_path') if l_1_page_path is missing else l_1_page_path) == l_1_href):
            pass
            yield ' aria-current="page"'
        yield '>'
        yield escape(l_1_label)
        yield '</a></li>\n'
    l_1_label = l_1_href = l_1_page_path = missing
    yield '    </ul>\n  </nav>\n</header>\n<main id="main" class="wrap">\n'
    yield from context.blocks['main'][0](context)
    yield '</main>\n<footer class="site-footer">\n  <div class="wrap footer-inner">\n    <p class="footer-title"'
    yield escape((undefined(name='site_words') if l_0_site_words is missing else l_0_site_words))
    yield '><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'home')))
    yield '">'
    yield escape(environment.getattr((undefined(name='settings') if l_0_settings is missing else l_0_settings), 'title'))
    yield '</a></p>\n    <p'
    yield escape((undefined(name='site_words') if l_0_site_words is missing else l_0_site_words))
    yield '>'
    yield escape(environment.getattr((undefined(name='settings') if l_0_settings is missing else l_0_settings), 'description'))
    yield '</p>\n    <p class="subscribe">Subscribe:\n      <a href="'
    yield escape(environment.getattr(environment.getattr((undefined(name='main_feed') if l_0_main_feed is missing else l_0_main_feed), 'rss'), 'href'))
    yield '">RSS</a> ·\n      <a href="'
    yield escape(environment.getattr(environment.getattr((undefined(name='main_feed') if l_0_main_feed is missing else l_0_main_feed), 'atom'), 'href'))
    yield '">Atom</a> ·\n      <a href="'
    yield escape(environment.getattr(environment.getattr((undefined(name='main_feed') if l_0_main_feed is missing else l_0_main_feed), 'json'), 'href'))
    yield '">JSON Feed</a> ·\n      <a href="'
    yield escape(environment.getattr((undefined(name='digest_feed') if l_0_digest_feed is missing else l_0_digest_feed), 'href'))
    yield '">Daily digest (RSS)</a> ·\n      <a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'file'), 'feeds.opml'))
    yield '">All feeds (OPML)</a>\n    </p>\n  </div>\n</footer>\n</body>\n</html>\n'

def block_robots(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'max-image-preview:large'

def block_canonical(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_canonical = resolve('canonical')
    pass
    yield '<link rel="canonical" href="'
    yield escape((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical))
    yield '">\n'

def block_meta(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_settings = resolve('settings')
    l_0_title = resolve('title')
    l_0_description = resolve('description')
    l_0_canonical = resolve('canonical')
    l_0_og_locale = resolve('og_locale')
    pass
    yield '<meta property="og:site_name" content="'
    yield escape(environment.getattr((undefined(name='settings') if l_0_settings is missing else l_0_settings), 'title'))
    yield '">\n<meta property="og:type" content="'
    yield from context.blocks['og_type'][0](context)
    yield '">\n<meta property="og:title" content="'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '">\n<meta property="og:description" content="'
    yield escape((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '">\n<meta property="og:url" content="'
    yield escape((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical))
    yield '">\n<meta property="og:locale" content="'
    yield escape((undefined(name='og_locale') if l_0_og_locale is missing else l_0_og_locale))
    yield '">\n'
    yield from context.blocks['social'][0](context)
    yield '<meta name="twitter:title" content="'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '">\n<meta name="twitter:description" content="'
    yield escape((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '">\n'

def block_og_type(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'website'

def block_social(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '<meta name="twitter:card" content="summary">\n'

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_layout(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'column'

def block_skip_target(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'main'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'robots': block_robots, 'canonical': block_canonical, 'meta': block_meta, 'og_type': block_og_type, 'social': block_social, 'head': block_head, 'layout': block_layout, 'skip_target': block_skip_target, 'main': block_main}
debug_info = '2=44&6=50&7=56&8=58&9=60&14=62&15=64&16=66&17=70&19=77&31=78&33=83&35=88&37=90&38=92&41=94&42=98&43=104&47=108&48=113&54=123&58=125&59=131&61=135&62=137&63=139&64=141&65=143&8=146&9=156&19=169&20=183&21=185&22=187&23=189&24=191&25=193&26=195&28=197&29=199&21=202&26=212&35=222&37=231&38=241&54=251'

# Generated from generator/theme/base.html by `python -m generator.render.precompiled`: do not edit.
