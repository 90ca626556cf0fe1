import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import {
  assignmentClientElements,
  messageOfNamespace,
  readXml,
  validateMessage,
  writeMessage,
  type ClientBlock,
  type XmlElement,
} from '@app/chain';
import { ChainInbox } from '@app/persistence';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { ApiException, invalidFields, notFound } from '../common/domain-errors';
import { eventScopeOf } from '../events/event-tenant';
import { OwnIdempotency } from '../common/idempotency-key';
import { ChainInbound } from './chain-inbound.service';
import {
  ChainAnswerDto,
  ChainMessageDto,
  ChainMessagePageDto,
  ClientBlockDto,
  ListMessagesQueryDto,
  ReceiveMessageQueryDto,
} from './chain.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The iJw/iWmo chain (issue 17), transport-neutral: a case system's hub connector or a provider uploads the
 * messages providers send and downloads the ones the municipality sends (also delivered as events, see
 * `chain.assignment.v1`). Messages are kept client-less; the case system adds the client block on the way
 * out (POST …/complete), and it is never stored.
 */
@ApiTags('chain (iJw/iWmo)')
@ApiStandardErrors()
@OwnIdempotency()
@Controller('chain/messages')
export class ChainController {
  private readonly inbox: ChainInbox;

  constructor(
    private readonly inbound: ChainInbound,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.inbox = new ChainInbox(dataSource);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('CASE_SYSTEM', 'PROVIDER')
  @ApiOperation({
    summary: 'Receive a provider’s message: 305, 307, 315, 317 or 323 of iJw/iWmo 3.2 (XML)',
    description:
      'Answers with the technical answer (retour codes of WJ001) and applies the message to the lifecycle ' +
      'through the same rules as the HTTP routes. Idempotent on sender, message type and identification. ' +
      'A refused message answers 400 (unreadable), 413, 415, 422 (schema or rule), 403 (another party’s), ' +
      '409 (the lifecycle does not allow it now, or the identification was used for other content), each ' +
      'with `retour`. The client block is read and dropped.',
  })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string', description: 'The message XML' } })
  @ApiOkResponse({ type: ChainAnswerDto })
  async receive(
    @Body() body: unknown,
    @Query() query: ReceiveMessageQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChainAnswerDto> {
    if (typeof body !== 'string') {
      throw new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the message as application/xml',
      );
    }
    if (body.trim() === '') throw invalidFields([{ field: 'body', message: 'the message is empty' }]);
    // The answer of a 323 holds the client's BSN (the complete 325): never cached on the way.
    res.setHeader('Cache-Control', 'no-store');
    return this.inbound.receive(principal, body, query);
  }

  @Get()
  @Roles('CASE_SYSTEM', 'PROVIDER', 'LOCAL_TEAM', 'FINANCE', 'OPERATOR', 'CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'Chain messages in and out, newest first, in your tenant' })
  @ApiOkResponse({ type: ChainMessagePageDto })
  async list(
    @Query() query: ListMessagesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChainMessagePageDto> {
    if (query.before !== undefined && !validCursor(query.before)) {
      throw invalidFields([{ field: 'before', message: 'before must be a cursor this API gave out' }]);
    }
    return this.inbox.list(eventScopeOf(principal), {
      ...(query.direction ? { direction: query.direction } : {}),
      ...(query.code ? { code: query.code } : {}),
      ...(query.trajectoryId ? { trajectoryId: query.trajectoryId } : {}),
      ...(query.before ? { before: query.before } : {}),
      limit: query.limit ?? 50,
    });
  }

  @Get(':id')
  @Roles('CASE_SYSTEM', 'PROVIDER', 'LOCAL_TEAM', 'FINANCE', 'OPERATOR', 'CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'One chain message: what it did, its retour codes, its answers' })
  @ApiOkResponse({ type: ChainMessageDto })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ChainMessageDto> {
    const { xml: _xml, ...message } = await this.found(id, principal);
    void _xml;
    return message;
  }

  @Get(':id/xml')
  @Roles('CASE_SYSTEM', 'PROVIDER', 'LOCAL_TEAM', 'FINANCE', 'OPERATOR', 'CONTRACT_MANAGEMENT')
  @ApiOperation({
    summary: 'A message the municipality sent (301, 319, 325) as XML, without the client block',
    description: 'Inbound messages are not kept as XML (they carry the client block): 404.',
  })
  @ApiProduces('application/xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  async xml(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const message = await this.found(id, principal);
    if (message.xml === null) throw notFound(`XML of message ${id}`);
    res.type('application/xml');
    return message.xml;
  }

  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @Roles('CASE_SYSTEM')
  @ApiOperation({
    summary: 'A 301 made complete with the client block the case system supplies, as XML',
    description:
      'The case system (which keeps the client’s identity) sends the client block; the answer is the ' +
      'complete 301, validated against its schema. Nothing of the block is stored or logged.',
  })
  @ApiProduces('application/xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  async complete(
    @Param('id') id: string,
    @Body() client: ClientBlockDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const message = await this.found(id, principal);
    if (message.xml === null || message.messageCode !== '301') {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NOT_AN_ASSIGNMENT',
        'Only a 301 the municipality sent is completed with a client block (a 319 has none; a 325 was answered complete)',
      );
    }
    const read = readXml(message.xml);
    const known = messageOfNamespace(read.namespace)!;
    const clientless = read.root.children.find((c) => c.name === 'Client')!;
    const completeTree: XmlElement = {
      ...read.root,
      children: read.root.children.map((c) =>
        c.name === 'Client' ? withClient(clientless, client as ClientBlock) : c,
      ),
    };
    const problems = validateMessage(completeTree, known.standard, '301', 'complete');
    if (problems.length > 0) {
      // The stored part is valid, so what fails is the client block: name its fields, never its values.
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'INVALID_CLIENT_BLOCK',
        'The client block breaks the 301’s schema',
        {
          errors: problems.map((p) => ({ field: p.path, message: p.message })),
        },
      );
    }
    res.type('application/xml');
    res.setHeader('Cache-Control', 'no-store');
    return writeMessage(completeTree, known.standard, '301');
  }

  private async found(id: string, principal: Principal) {
    if (!UUID.test(id)) throw notFound(`message ${id}`);
    const message = await this.inbox.get(id, eventScopeOf(principal));
    if (!message) throw notFound(`message ${id}`);
    return message;
  }
}

/** The 301's Client with the case system's personal elements before its ToegewezenProducten. */
function withClient(clientless: XmlElement, client: ClientBlock): XmlElement {
  return { ...clientless, children: [...assignmentClientElements(client), ...clientless.children] };
}

/** A cursor this API gave out: `<instant to the microsecond>|<uuid>`, base64url. */
function validCursor(cursor: string): boolean {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return (
    parts.length === 2 &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(parts[0]) &&
    !Number.isNaN(Date.parse(parts[0])) &&
    UUID.test(parts[1])
  );
}
