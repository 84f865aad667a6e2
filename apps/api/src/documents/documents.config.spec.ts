import { DEFAULT_ORGANISATION_NAME, documentsConfig } from './documents.config.js';

describe('the documents’ configuration', () => {
  it('names the Caribbean Customs Law Enforcement Council when ORGANISATION_NAME is not set', () => {
    expect(documentsConfig({})).toEqual({ organisation: { name: DEFAULT_ORGANISATION_NAME }, overridesDir: null });
    expect(DEFAULT_ORGANISATION_NAME).toBe('Caribbean Customs Law Enforcement Council');
    expect(documentsConfig({ ORGANISATION_NAME: '  ', ORGANISATION_ADDRESS: '' }).organisation).toEqual({ name: DEFAULT_ORGANISATION_NAME });
  });

  it('takes the organisation’s name, address and templates directory as configured', () => {
    expect(documentsConfig({ ORGANISATION_NAME: ' Customs Council ', ORGANISATION_ADDRESS: 'Castries, Saint Lucia', TEMPLATES_DIR: '/srv/templates' })).toEqual({
      organisation: { name: 'Customs Council', address: 'Castries, Saint Lucia' },
      overridesDir: '/srv/templates',
    });
  });
});
