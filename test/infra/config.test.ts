import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SES_IDENTITY, readDeployConfig } from '../../infra/config';

const configWith = (context: Record<string, unknown>) => readDeployConfig(new App({ context }).node);

describe('deployment settings from CDK context', () => {
  it('default to the demo SES domain and a no-reply address on it', () => {
    expect(configWith({})).toEqual({ sesIdentity: DEFAULT_SES_IDENTITY, sesFrom: `no-reply@${DEFAULT_SES_IDENTITY}`, webOrigins: [], authDomainPrefix: 'kiem-diem' });
  });

  it('send from the identity itself when the identity is an address', () => {
    expect(configWith({ sesIdentity: 'vanphong@tinhuy.vn' })).toMatchObject({ sesFrom: 'vanphong@tinhuy.vn' });
  });

  it('split extra web origins and refuse anything that is not an https origin', () => {
    expect(configWith({ webOrigins: 'https://a.vn, https://b.vn' }).webOrigins).toEqual(['https://a.vn', 'https://b.vn']);
    expect(() => configWith({ webOrigins: 'http://a.vn' })).toThrow(/https/);
    expect(() => configWith({ webOrigins: 'https://a.vn/path' })).toThrow(/https/);
  });

  it('refuse a non-string value', () => {
    expect(() => configWith({ sesIdentity: 42 })).toThrow(/must be a string/);
  });
});
