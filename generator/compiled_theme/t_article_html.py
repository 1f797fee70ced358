from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'article.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'article.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_og_type(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'article'

def block_social(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_translations = resolve('translations')
    l_0_article = resolve('article')
    l_0_og_image = resolve('og_image')
    l_0_structured = resolve('structured')
    try:
        t_1 = environment.filters['json_ld']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'json_ld' found.")
    pass
    def t_2(fiter):
        l_1_og_locale = resolve('og_locale')
        for l_1_version in fiter:
            if ((not environment.getattr(l_1_version, 'current')) and (environment.getattr(l_1_version, 'locale') != (undefined(name='og_locale') if l_1_og_locale is missing else l_1_og_locale))):
                yield l_1_version
    for l_1_version in t_2((undefined(name='translations') if l_0_translations is missing else l_0_translations)):
        _loop_vars = {}
        pass
        yield '<meta property="og:locale:alternate" content="'
        yield escape(environment.getattr(l_1_version, 'locale'))
        yield '">\n'
    l_1_version = missing
    yield '<meta property="article:published_time" content="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'date'), 'isoformat'), _block_vars=_block_vars))
    yield '">\n<meta property="article:modified_time" content="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'modified'), 'isoformat'), _block_vars=_block_vars))
    yield '">\n'
    for l_1_name in environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'authors'):
        _loop_vars = {}
        pass
        yield '<meta property="article:author" content="'
        yield escape(l_1_name)
        yield '">\n'
    l_1_name = missing
    def t_3(fiter):
        for l_1_author in fiter:
            if environment.getattr(l_1_author, 'fediverse'):
                yield l_1_author
    for l_1_author in t_3(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'bylines')):
        _loop_vars = {}
        pass
        yield '<meta name="fediverse:creator" content="'
        yield escape(environment.getattr(l_1_author, 'fediverse'))
        yield '">\n'
    l_1_author = missing
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'):
        pass
        yield '<meta property="article:section" content="'
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'), 0), 'name'))
        yield '">\n'
    for l_1_tag in environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'):
        _loop_vars = {}
        pass
        yield '<meta property="article:tag" content="'
        yield escape(environment.getattr(l_1_tag, 'name'))
        yield '">\n'
    l_1_tag = missing
    if (undefined(name='og_image') if l_0_og_image is missing else l_0_og_image):
        pass
        yield '<meta property="og:image" content="'
        yield escape(environment.getitem((undefined(name='og_image') if l_0_og_image is missing else l_0_og_image), 0))
        yield '">\n'
        if environment.getitem((undefined(name='og_image') if l_0_og_image is missing else l_0_og_image), 1):
            pass
            yield '<meta property="og:image:width" content="'
            yield escape(environment.getitem((undefined(name='og_image') if l_0_og_image is missing else l_0_og_image), 1))
            yield '">\n<meta property="og:image:height" content="'
            yield escape(environment.getitem((undefined(name='og_image') if l_0_og_image is missing else l_0_og_image), 2))
            yield '">\n'
        yield '<meta property="og:image:alt" content="'
        yield escape(environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'alt'))
        yield '">\n<meta name="twitter:card" content="summary_large_image">\n<meta name="twitter:image" content="'
        yield escape(environment.getitem((undefined(name='og_image') if l_0_og_image is missing else l_0_og_image), 0))
        yield '">\n<meta name="twitter:image:alt" content="'
        yield escape(environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'alt'))
        yield '">\n'
    else:
        pass
        yield '<meta name="twitter:card" content="summary">\n'
    yield '<script type="application/ld+json">'
    yield escape(t_1((undefined(name='structured') if l_0_structured is missing else l_0_structured)))
    yield '</script>\n'

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_translations = resolve('translations')
    pass
    for l_1_version in (undefined(name='translations') if l_0_translations is missing else l_0_translations):
        _loop_vars = {}
        pass
        yield '<link rel="alternate" hreflang="'
        yield escape(environment.getattr(l_1_version, 'language'))
        yield '" href="'
        yield escape(environment.getattr(l_1_version, 'href'))
        yield '">\n'
    l_1_version = missing
    def t_4(fiter):
        for l_1_version in fiter:
            if environment.getattr(l_1_version, 'default'):
                yield l_1_version
    for l_1_version in t_4((undefined(name='translations') if l_0_translations is missing else l_0_translations)):
        _loop_vars = {}
        pass
        yield '<link rel="alternate" hreflang="x-default" href="'
        yield escape(environment.getattr(l_1_version, 'href'))
        yield '">\n'
    l_1_version = missing

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_article = resolve('article')
    l_0_urls = resolve('urls')
    l_0_translations = resolve('translations')
    l_0_byline = resolve('byline')
    l_0_edit_url = resolve('edit_url')
    l_0_history_url = resolve('history_url')
    l_0_related = resolve('related')
    l_0_older = resolve('older')
    l_0_newer = resolve('newer')
    l_0_lang_attrs = resolve('lang_attrs')
    try:
        t_5 = environment.filters['body_dir']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'body_dir' found.")
    try:
        t_6 = environment.filters['dateline']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'dateline' found.")
    try:
        t_7 = environment.filters['human_date']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'human_date' found.")
    try:
        t_8 = environment.filters['img_attrs']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'img_attrs' found.")
    try:
        t_9 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_10 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_11 = environment.filters['time_attr']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'time_attr' found.")
    try:
        t_12 = environment.filters['webp_source']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'webp_source' found.")
    pass
    yield '<article class="article" data-pagefind-body>\n  <header class="article-head">\n'
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'draft'):
        pass
        yield '<p class="draft-flag">Draft: not published until <code>draft: true</code> is removed</p>'
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'):
        pass
        yield '<p class="kicker" data-pagefind-ignore><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tag'), environment.getitem(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'), 0), _block_vars=_block_vars))
        yield '" dir="auto">'
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'), 0), 'name'))
        yield '</a></p>'
    yield '    <h1 class="headline" dir="auto">'
    yield escape(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'title'))
    yield '</h1>\n'
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'summary'):
        pass
        yield '<p class="standfirst" dir="auto">'
        yield escape(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'summary'))
        yield '</p>'
    if (undefined(name='translations') if l_0_translations is missing else l_0_translations):
        pass
        yield '<nav class="translations" aria-label="Other languages" data-pagefind-ignore><p>Read in: '
        def t_13(fiter):
            for l_1_version in fiter:
                if (not environment.getattr(l_1_version, 'current')):
                    yield l_1_version
        l_1_loop = missing
        for l_1_version, l_1_loop in LoopContext(t_13((undefined(name='translations') if l_0_translations is missing else l_0_translations)), undefined):
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_version, 'path'))
            yield '" hreflang="'
            yield escape(environment.getattr(l_1_version, 'language'))
            yield '" lang="'
            yield escape(environment.getattr(l_1_version, 'language'))
            yield '" dir="'
            yield escape(environment.getattr(l_1_version, 'direction'))
            yield '">'
            yield escape(environment.getattr(l_1_version, 'name'))
            yield '</a>'
            yield escape(('' if environment.getattr(l_1_loop, 'last') else ' · '))
        l_1_loop = l_1_version = missing
        yield '</p></nav>'
    yield '    <div class="article-meta" data-pagefind-ignore>\n      <p class="byline">By '
    for (l_1_author, l_1_after) in (undefined(name='byline') if l_0_byline is missing else l_0_byline):
        l_1_author_url = resolve('author_url')
        _loop_vars = {}
        pass
        yield '<a class="author" href="'
        yield escape(context.call((undefined(name='author_url') if l_1_author_url is missing else l_1_author_url), l_1_author, _loop_vars=_loop_vars))
        yield '" dir="auto">'
        yield escape(environment.getattr(l_1_author, 'name'))
        yield '</a>'
        yield escape(l_1_after)
    l_1_author = l_1_after = l_1_author_url = missing
    yield '</p>\n      <p class="dateline" data-pagefind-meta="date:'
    yield escape(t_7(context, environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'date')))
    yield '"><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'country'), environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'country'), _block_vars=_block_vars))
    yield '" dir="auto"><span class="visually-hidden">Country: </span>'
    yield escape(environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'country'), 'name'))
    yield '</a> · <time datetime="'
    yield escape(t_11(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'date'), environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'date_has_time')))
    yield '">'
    yield escape(t_6(context, environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'date'), environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'date_has_time')))
    yield '</time>'
    if (environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'updated') and (environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'updated') != environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'date'))):
        pass
        yield ' · Updated <time datetime="'
        yield escape(t_11(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'updated'), environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'updated_has_time')))
        yield '">'
        yield escape(t_6(context, environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'updated'), environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'updated_has_time')))
        yield '</time>'
    yield '</p>\n    </div>\n  </header>\n'
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'):
        pass
        yield '  <figure class="lead-image">\n    <picture>'
        yield escape(t_12(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image')))
        yield '<img '
        yield escape(t_8(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image')))
        yield ' alt="'
        yield escape(environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'alt'))
        yield '" decoding="async" fetchpriority="high" data-pagefind-meta="image[src], image_alt[alt]"></picture>\n'
        if (environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'caption') or environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image_credit')):
            pass
            yield '    <figcaption data-pagefind-ignore>'
            if environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'caption'):
                pass
                yield '<span dir="auto">'
                yield escape(environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'caption'))
                yield '</span>'
            if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image_credit'):
                pass
                if (environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'caption') and (environment.getattr(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image'), 'caption')[-1:] not in '.!?')):
                    pass
                    yield '<span class="visually-hidden">.</span>'
                yield ' <span class="credit">'
                yield escape((Markup('Image: %(credit)s') % {'credit': environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'image_credit')}))
                yield '</span>'
            yield '</figcaption>\n'
        yield '  </figure>\n'
    yield '  <div class="body"'
    yield escape(t_5(context, environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'body_html')))
    yield '>\n'
    yield escape(t_10(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'body_html')))
    yield '\n  </div>\n'
    template = environment.get_template('partials/corrections.html', 'article.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'sources'):
        pass
        yield '<p class="sources">'
        yield escape((Markup('(With inputs from %(sources)s.)') % {'sources': t_9(context.eval_ctx, environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'sources'), Markup(', '))}))
        yield '</p>'
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'):
        pass
        yield '  <nav class="article-tags" aria-labelledby="article-topics" data-pagefind-ignore>\n    <h2 id="article-topics">Topics</h2>\n    <ul>'
        for l_1_tag in environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'tags'):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tag'), l_1_tag, _loop_vars=_loop_vars))
            yield '" rel="tag" dir="auto">'
            yield escape(environment.getattr(l_1_tag, 'name'))
            yield '</a></li>'
        l_1_tag = missing
        yield '</ul>\n  </nav>\n'
    if (undefined(name='edit_url') if l_0_edit_url is missing else l_0_edit_url):
        pass
        yield '  <p class="edit-links" data-pagefind-ignore><a href="'
        yield escape((undefined(name='edit_url') if l_0_edit_url is missing else l_0_edit_url))
        yield '">Edit this article</a> · <a href="'
        yield escape((undefined(name='history_url') if l_0_history_url is missing else l_0_history_url))
        yield '">History</a></p>\n'
    yield '</article>\n'
    if (undefined(name='related') if l_0_related is missing else l_0_related):
        pass
        yield '<section class="related" aria-labelledby="related-stories">\n  <h2 id="related-stories" class="section-title">Related stories</h2>\n  <ul class="stories">\n'
        for l_1_item in (undefined(name='related') if l_0_related is missing else l_0_related):
            _loop_vars = {}
            pass
            l_2_lead = False
            pass
            template = environment.get_template('partials/story.html', 'article.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'lead': l_2_lead, 'item': l_1_item}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            l_2_lead = missing
        l_1_item = missing
        yield '  </ul>\n</section>\n'
    if ((undefined(name='older') if l_0_older is missing else l_0_older) or (undefined(name='newer') if l_0_newer is missing else l_0_newer)):
        pass
        yield '<nav class="prev-next" aria-label="Previous and next stories">\n'
        if (undefined(name='older') if l_0_older is missing else l_0_older):
            pass
            yield '<a rel="prev" href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'article'), (undefined(name='older') if l_0_older is missing else l_0_older), _block_vars=_block_vars))
            yield '"><span class="label">Previous story</span> <span'
            yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='older') if l_0_older is missing else l_0_older), _block_vars=_block_vars))
            yield '>'
            yield escape(environment.getattr((undefined(name='older') if l_0_older is missing else l_0_older), 'title'))
            yield '</span></a>'
        if (undefined(name='newer') if l_0_newer is missing else l_0_newer):
            pass
            yield '<a rel="next" href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'article'), (undefined(name='newer') if l_0_newer is missing else l_0_newer), _block_vars=_block_vars))
            yield '"><span class="label">Next story</span> <span'
            yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='newer') if l_0_newer is missing else l_0_newer), _block_vars=_block_vars))
            yield '>'
            yield escape(environment.getattr((undefined(name='newer') if l_0_newer is missing else l_0_newer), 'title'))
            yield '</span></a>'
        yield '</nav>\n'

blocks = {'og_type': block_og_type, 'social': block_social, 'head': block_head, 'main': block_main}
debug_info = '1=12&2=17&3=27&4=45&6=58&7=60&8=62&10=69&12=80&14=85&16=92&17=97&18=102&19=105&21=107&22=109&25=115&27=118&28=127&29=131&31=136&32=144&35=148&38=215&39=218&40=226&41=228&42=233&44=259&45=271&48=289&50=292&51=298&52=301&56=317&57=319&59=321&60=327&61=332&64=335&67=345&68=348&71=353&75=356&76=361&81=370&83=373&84=382'

# Generated from generator/theme/article.html by `python -m generator.render.precompiled`: do not edit.
