import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadRoute } from '../common/route-declarations.js';
import { READER } from '../identity/access-rule.js';
import { IntegrityService } from './integrity.service.js';
import { ConsistencyProofQueryDto, ConsistencyProofResponse, InclusionProofQueryDto, InclusionProofResponse, TreeHeadResponse } from './integrity.request.dto.js';

/**
 * The verifiable log, for anyone who may read published status: proofs carry hashes and positions only, never
 * an event's content, so they disclose nothing a reader could not already see.
 */
@ApiTags('integrity')
@Controller('api/integrity')
export class IntegrityHttpController {
  constructor(private readonly integrity: IntegrityService) {}

  @ReadRoute({
    path: 'checkpoint',
    access: READER,
    summary: 'The latest signed tree head of the global log',
    description: 'Signed with the secretariat’s Ed25519 key; keep it, and later ask for a consistency proof from its size.',
    response: TreeHeadResponse,
    badRequest: 'Never (no parameters).',
    notFound: 'The log is empty (LOG_EMPTY).',
  })
  checkpoint() {
    return this.integrity.checkpoint();
  }

  @ReadRoute({
    path: 'proof',
    access: READER,
    summary: 'An inclusion proof: that an event is in the tree of a given size',
    response: InclusionProofResponse,
    badRequest: 'A malformed eventId or treeSize, a treeSize above the tree’s (TREE_SIZE_TOO_LARGE) or not above the event’s leaf (EVENT_NOT_IN_TREE); the field is named.',
    notFound: 'No event with that id (EVENT_NOT_FOUND).',
  })
  proof(@Query() query: InclusionProofQueryDto) {
    return this.integrity.inclusionProof(query.eventId, query.treeSize);
  }

  @ReadRoute({
    path: 'consistency',
    access: READER,
    summary: 'A consistency proof: that the tree of size to extends the tree of size from',
    response: ConsistencyProofResponse,
    badRequest: 'A malformed from or to, from above to, or a size above the tree’s (TREE_SIZE_TOO_LARGE); the field is named.',
  })
  consistency(@Query() query: ConsistencyProofQueryDto) {
    return this.integrity.consistencyProof(query.from, query.to);
  }
}
