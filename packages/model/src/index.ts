export * from './wire/constants';
