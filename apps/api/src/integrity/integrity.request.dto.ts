import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export class InclusionProofQueryDto {
  @ApiProperty({ description: 'The event (its id, as in an instrument’s history).', format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'eventId must be an event id (a UUID)' })
  eventId!: string;

  @ApiPropertyOptional({ description: 'The tree the proof is against (default: the latest signed head).', minimum: 1, example: 42 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'treeSize must be a whole number from 1' })
  @Min(1, { message: 'treeSize must be a whole number from 1' })
  @Max(MAX_SIZE, { message: 'treeSize must be a whole number from 1' })
  treeSize?: number;
}

export class ConsistencyProofQueryDto {
  @ApiProperty({ description: 'The earlier tree size (a head you kept).', minimum: 1, example: 10 })
  @Type(() => Number)
  @IsInt({ message: 'from must be a whole number from 1' })
  @Min(1, { message: 'from must be a whole number from 1' })
  @Max(MAX_SIZE, { message: 'from must be a whole number from 1' })
  from!: number;

  @ApiPropertyOptional({ description: 'The later tree size (default: the latest signed head).', minimum: 1, example: 42 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'to must be a whole number from 1' })
  @Min(1, { message: 'to must be a whole number from 1' })
  @Max(MAX_SIZE, { message: 'to must be a whole number from 1' })
  to?: number;
}

export class TreeHeadResponse {
  @ApiProperty({ example: 'treaty-tracker event log v1', description: 'The first line of the signed text: which log.' }) origin: string;
  @ApiProperty({ example: 42, description: 'Events in the tree: the first treeSize events of the global log.' }) treeSize: number;
  @ApiProperty({ description: 'The RFC 6962 Merkle tree hash (SHA-256), base64.' }) rootHash: string;
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty({ description: 'Ed25519 signature, base64, over the UTF-8 text "origin\\ntreeSize\\nrootHash\\ntimestamp\\n".' }) signature: string;
  @ApiProperty({ description: 'The secretariat’s Ed25519 public key, raw 32 bytes, base64.' }) publicKey: string;
}

export class InclusionProofResponse {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: '17', description: 'The event’s global log position.' }) position: string;
  @ApiProperty({ example: 16, description: '0-based index of its leaf.' }) leafIndex: number;
  @ApiProperty({ example: 42 }) treeSize: number;
  @ApiProperty({ description: 'SHA-256(0x00 || the event’s canonical encoding), base64.' }) leafHash: string;
  @ApiProperty({ description: 'The root of the tree of treeSize leaves, base64.' }) rootHash: string;
  @ApiProperty({ type: [String], description: 'RFC 6962 PATH(leafIndex, D[treeSize]), leaf to root, base64.' }) auditPath: string[];
  @ApiPropertyOptional({ type: TreeHeadResponse, nullable: true, description: 'The signed head of that size, when one was signed.' }) signedHead: TreeHeadResponse | null;
}

export class ConsistencyProofResponse {
  @ApiProperty({ example: 10 }) from: number;
  @ApiProperty({ example: 42 }) to: number;
  @ApiProperty() fromRootHash: string;
  @ApiProperty() toRootHash: string;
  @ApiProperty({ type: [String], description: 'RFC 6962 PROOF(from, D[to]), base64.' }) proof: string[];
  @ApiPropertyOptional({ type: TreeHeadResponse, nullable: true }) signedHead: TreeHeadResponse | null;
}
