import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { amsterdamClock, pageLinks } from '@app/notify';
import { MailContacts, MailOutbox } from '@app/persistence';
import { APP_CONFIG } from '@app/platform';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { invalidFields, notFound } from '../common/domain-errors';
import { ownsTenant, RESOURCE_ID, tenantFilterOf, tenantForNew } from './event-tenant';
import {
  ComposeDigestsDto,
  CreateMailContactDto,
  DigestsComposedDto,
  MailContactDto,
} from './mail-contacts.dto';

/**
 * Who gets mail (issue 16): addresses behind a role per municipality or provider. Municipality roles are kept
 * by contract management, a provider keeps its own contact; operators keep all.
 */
@ApiTags('mail')
@ApiStandardErrors()
@Controller('mail')
export class MailContactsController {
  private readonly contacts: MailContacts;
  private readonly outbox: MailOutbox;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.contacts = new MailContacts(dataSource);
    this.outbox = new MailOutbox(dataSource, pageLinks(config.delivery.publicBaseUrl));
  }

  @Post('contacts')
  @Roles('CONTRACT_MANAGEMENT', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'Add an address for a role (201), or answer the same one that exists (200)' })
  @ApiCreatedResponse({ type: MailContactDto })
  @ApiOkResponse({ type: MailContactDto })
  async add(
    @Body() body: CreateMailContactDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MailContactDto> {
    const tenant = tenantForNew(principal, body);
    const forProvider = 'providerId' in tenant;
    if (forProvider !== (body.audience === 'PROVIDER')) {
      throw invalidFields([
        {
          field: 'audience',
          message: forProvider
            ? "a provider's contact has audience PROVIDER"
            : 'audience PROVIDER belongs to a provider (providerId), not to a municipality',
        },
      ]);
    }
    const { contact, created } = await this.contacts.add({
      tenant,
      audience: body.audience,
      email: body.email,
      language: body.language ?? 'nl',
      perEvent: body.perEvent ?? true,
      digest: body.digest ?? true,
      createdBy: principal.subject,
    });
    if (!created) res.status(200);
    return contact;
  }

  @Get('contacts')
  @Roles('CONTRACT_MANAGEMENT', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'The addresses of your tenant' })
  @ApiOkResponse({ type: [MailContactDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<MailContactDto[]> {
    return this.contacts.list(tenantFilterOf(principal));
  }

  @Delete('contacts/:contactId')
  @HttpCode(204)
  @Roles('CONTRACT_MANAGEMENT', 'PROVIDER', 'OPERATOR')
  @ApiOperation({ summary: 'Remove an address (its unsent mail goes with it)' })
  @ApiNoContentResponse()
  async remove(@Param('contactId') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    const contact = RESOURCE_ID.test(id) ? await this.contacts.get(id) : undefined;
    if (!contact || !ownsTenant(principal, contact)) throw notFound(`contact ${id}`);
    await this.contacts.remove(id);
  }

  @Post('digests')
  @HttpCode(200)
  @Roles('OPERATOR')
  @ApiOperation({
    summary: "Compose a day's digests now",
    description:
      'The worker does this every day at DIGEST_HOUR; this is for an operator after an outage or a test. ' +
      'Composing a day twice queues nothing new (one digest per contact and day).',
  })
  @ApiOkResponse({ type: DigestsComposedDto })
  async composeDigests(@Body() body: ComposeDigestsDto): Promise<DigestsComposedDto> {
    const day = body.day ?? amsterdamClock(new Date()).day;
    return { day, composed: await this.outbox.composeDigests(day, { once: false }) };
  }
}
