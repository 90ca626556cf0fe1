import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { Public } from '../auth/decorators';
import { notFound } from '../common/domain-errors';
import { PAGE_CSP, PAGE_LANGUAGES, pageShell, type PageLanguage, type PageName } from './page-shell';
import { readCookie } from '../auth/session-cookie';
import { WebAssets } from './web-assets';

/** The person's choice of page language. */
const LANGUAGE_COOKIE = 'pp_lang';

/**
 * The pages for people: sign-in, the breakthrough table's docket and cases, trajectory timelines and the
 * monitoring dashboard. Public like any static file: the data comes from the API with the person's token.
 */
@ApiTags('pages')
@Controller('ui')
export class WebController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly assets: WebAssets,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Page: sign in by pasting a bearer token (kept in sessionStorage)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  signIn(@Res({ passthrough: true }) res: Response): string {
    return this.page('sign-in', res);
  }

  @Get('docket')
  @Public()
  @ApiOperation({ summary: "Page: the breakthrough table's docket of open escalations" })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  docket(@Res({ passthrough: true }) res: Response): string {
    return this.page('docket', res);
  }

  @Get('cases/:escalationId')
  @Public()
  @ApiOperation({ summary: 'Page: one case at the table, its plan and rounds, and the decision form' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  case(@Param('escalationId') _escalationId: string, @Res({ passthrough: true }) res: Response): string {
    return this.page('case', res);
  }

  @Get('trajectories/:trajectoryId')
  @Public()
  @ApiOperation({ summary: 'Page: the timeline of one trajectory (audit trail, payments, workflow links)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  timeline(@Param('trajectoryId') _trajectoryId: string, @Res({ passthrough: true }) res: Response): string {
    return this.page('timeline', res);
  }

  @Get('dashboard')
  @Public()
  @ApiOperation({ summary: 'Page: the monitoring dashboard (charts of GET /monitoring/indicators)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  dashboard(@Res({ passthrough: true }) res: Response): string {
    return this.page('dashboard', res);
  }

  @Get('finance')
  @Public()
  @ApiOperation({
    summary: "Page: finance's workspace (exports per month, download, confirm, reconciliation)",
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  finance(@Res({ passthrough: true }) res: Response): string {
    return this.page('finance', res);
  }

  @Get('local-team')
  @Public()
  @ApiOperation({
    summary: "Page: the local team's workspace (to approve, overdue, table cases, plan and evaluation forms)",
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  localTeam(@Res({ passthrough: true }) res: Response): string {
    return this.page('local-team', res);
  }

  @Get('provider')
  @Public()
  @ApiOperation({
    summary: "Page: the provider's workspace (my trajectories, sign, start, evaluations, stop)",
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  provider(@Res({ passthrough: true }) res: Response): string {
    return this.page('provider', res);
  }

  @Get('family')
  @Public()
  @ApiOperation({
    summary:
      "Page: the family's own plan (sign, choose the lead provider, answer the satisfaction questions)",
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  family(@Res({ passthrough: true }) res: Response): string {
    return this.page('family', res);
  }

  @Get('assets/:file')
  @Public()
  @ApiOperation({ summary: 'The static scripts and stylesheet of the pages' })
  @ApiProduces('text/javascript', 'text/css')
  @ApiOkResponse({ schema: { type: 'string' } })
  asset(@Param('file') file: string, @Res({ passthrough: true }) res: Response): string {
    const asset = this.assets.get(file);
    if (!asset) throw notFound(`asset ${file}`);
    secure(res);
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'no-cache');
    return asset.body;
  }

  private page(name: PageName, res: Response): string {
    secure(res);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    return pageShell(name, {
      temporalUiUrl: this.config.temporal.uiUrl.replace(/\/+$/, ''),
      temporalNamespace: this.config.temporal.namespace,
      language: this.language(res),
    });
  }

  /**
   * Dutch unless the person chose English: `?lang=en|nl` switches and is remembered in a cookie (a preference,
   * not a secret: readable, SameSite=Lax, a year).
   */
  private language(res: Response): PageLanguage {
    const req = res.req;
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    if (asked && (PAGE_LANGUAGES as readonly string[]).includes(asked)) {
      res.cookie(LANGUAGE_COOKIE, asked, { sameSite: 'lax', path: '/ui', maxAge: 365 * 24 * 3600 * 1000 });
      return asked as PageLanguage;
    }
    const remembered = readCookie(req.header('cookie'), LANGUAGE_COOKIE);
    return remembered === 'en' ? 'en' : 'nl';
  }
}

function secure(res: Response): void {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}
