import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed sign-ins are limited per account name and per address (rate-limiter-flexible): 5 per account and 20
 * per address in 15 minutes; past that, 429 with Retry-After. A success clears the account's count.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccount = new RateLimiterMemory({ keyPrefix: 'account', points: 5, duration: 15 * 60 });
  private readonly byAddress = new RateLimiterMemory({ keyPrefix: 'address', points: 20, duration: 15 * 60 });

  /** Refuses (429) when either limit is already spent. */
  async check(username: string, address: string): Promise<void> {
    const [account, from] = await Promise.all([this.byAccount.get(username), this.byAddress.get(address)]);
    const spent = [account && account.consumedPoints >= this.byAccount.points ? account : null, from && from.consumedPoints >= this.byAddress.points ? from : null].filter(
      (r): r is RateLimiterRes => r !== null,
    );
    if (spent.length) throw tooMany(Math.max(...spent.map((r) => r.msBeforeNext)));
  }

  async failed(username: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(username, 1), this.byAddress.penalty(address, 1)]);
  }

  async succeeded(username: string): Promise<void> {
    await this.byAccount.delete(username);
  }
}

const tooMany = (ms: number) => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new HttpException(
    { code: 'TOO_MANY_SIGN_IN_ATTEMPTS', message: `Too many failed sign-ins; try again in ${seconds} seconds.`, retryAfter: seconds },
    HttpStatus.TOO_MANY_REQUESTS,
  );
};
